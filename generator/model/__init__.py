"""The fact model: records and their ids, problems, evidence, and the knowledge of places.

The bottom layer: it imports nothing else of the generator.
"""
