"""Files on disk: articles, YAML with positions, atomic writes, and where a project keeps its parts.

Imports only `generator.model`.
"""
