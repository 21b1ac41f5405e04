"""report-gen: drafts a meeting's news article, report and notice from one YAML file."""

__version__ = "0.1.0"
