"""Thin shells over the library: the command line (``cli``), the web UI (``web``) and the
Datasette plugin. Each turns typed errors into one-line messages at the edge.
"""
