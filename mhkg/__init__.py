"""mhkg: the migration-health knowledge graph."""

__version__ = "0.1.0"
