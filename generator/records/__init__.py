"""Records: read content/ (YAML and Markdown), validate, and link into one Catalog."""
