"""Tools the build runs, each behind one small interface: Pelican (news, feeds, theme files) and Pagefind (search)."""
