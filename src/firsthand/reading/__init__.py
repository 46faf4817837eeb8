"""Reading one document: bytes in, an annotated record out.

Every module here is a pure stage or a helper of one (``stage(record) -> record``): formats,
cleaning, the parse, genre, entities, letter header, times, claims, events and relations.
Nothing here imports the case, the engine or the shells.
"""
