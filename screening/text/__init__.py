"""Text handling for names: Unicode hygiene, romanisation, tokens and matching keys."""
