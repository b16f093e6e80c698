"""Domain shaping: recognise each table's kind and shape grids into the contract's domain tables.

Each kind lives in one module with `recognise(grid)` and a shaping function; `domain.registry` lists them.
"""
