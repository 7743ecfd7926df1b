"""Tools the build runs, each behind one small interface: Pelican (news, feeds, theme files),
Pagefind (search), and the files npm installs (node)."""
