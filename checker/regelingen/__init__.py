"""One module per regeling, named with the law's own word. Each computes over arrays of households."""
