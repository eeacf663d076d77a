"""The site: page contexts, rendering, the open-data export and the MkDocs build.

Imports `generator.model`, `generator.files` and `generator.content`; never `generator.extract`.
"""
