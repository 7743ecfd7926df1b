"""The domain: the record model, quantities, regions, ids. Imports nothing else of bangyang."""
