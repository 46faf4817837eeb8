"""Running the reading stages: the numbered cascade (``pipeline``) in one process, and the same
cascade on Ray Data (``batch``) for many machines. The engine imports reading, never the case or
the shells.
"""
