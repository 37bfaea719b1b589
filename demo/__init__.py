"""The demo province (Lai Châu, its departments and communes) with content in every section:
`manage.py load_demo`, run by `make demo` and the first `make run`.

Nothing here is production code: the section apps carry no demo data, and this app sits
above them, importing each section's models to fill a portal.
"""
