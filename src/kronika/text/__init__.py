"""Reading documents and segmenting them into sentences and tokens, offsets preserved."""
