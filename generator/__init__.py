"""explainer: news articles about a developing story in, a sourced explainer microsite out."""

__version__ = "0.1.0"
