"""The site: which pages a Catalog makes and the plain data each gets. Pure: no engine, no globals."""
