"""Working a case: the case store and its schema, cross-document resolution, comparison of
accounts, the case timeline, accounts of the people who work it, and exports. The case imports
reading and the engine, never the shells.
"""
