"""spaCy pipeline components."""

# argmine's analysis components (by factory): they read the linguistic layers spaCy and
# ``argmine_morphology`` write, and add argmine's own.
ANALYSIS_FACTORIES = frozenset({"argmine_unit_classifier", "argmine_relations", "argmine_actors",
                                "argmine_sources", "argmine_stance"})
