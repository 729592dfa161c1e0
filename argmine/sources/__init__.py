"""Reported speech: quotation marks, reporting cues and speakers (the ``argmine_sources`` rules).

:func:`.find.find_statements` reads a parsed Doc with the actors layer and returns who said
which span, by which cue, and how (direct, indirect, mixed); :mod:`.evaluate` scores speaker
attribution against gold quotes (BASIL, ``annotations/quotes``).
"""
