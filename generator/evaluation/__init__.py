"""Scoring extraction against hand annotations: the gold format, matching and the report.

Imports the layers below it and `generator.extract`.
"""
