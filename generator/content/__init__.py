"""The content layers: the machine layer and the editors' layer merged, validated and
held for review, with every problem at its path, line and column.

Imports `generator.model` and `generator.files`.
"""
