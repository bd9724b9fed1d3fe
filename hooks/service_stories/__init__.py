"""Service Stories: the story model, its validation, and the library's cross-links.

Plain Python with no MkDocs import: the MkDocs hooks in `hooks/main.py` are thin
adapters over this package, so another site engine needs only a new adapter.
"""
