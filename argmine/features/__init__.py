"""Stateless feature extractors: spaCy spans in, plain dicts out."""
