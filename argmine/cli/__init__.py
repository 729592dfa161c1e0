"""The ``argmine`` command line: thin wrappers over library functions."""
