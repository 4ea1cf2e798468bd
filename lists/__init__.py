"""The bundled default list, installed as ``screening.lists`` (see README.md here)."""
