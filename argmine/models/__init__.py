"""Model files: linear models saved as JSON + arrays, never pickle."""
