"""PDF -> words/lines -> table grids with provenance (bboxes, pages).

Public entry point: :func:`extractors.tables.extract_tables`.
"""
