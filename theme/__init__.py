"""The explainer theme: page templates and Material overrides, installed with the package."""
