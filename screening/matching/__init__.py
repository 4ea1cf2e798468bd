"""Name matching: compiled lists, the candidate index, pure scorers and the screener."""
