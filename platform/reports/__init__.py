"""Periodic reports on a portal's operation (Decree 43 art. 30; Kiên Giang art. 24; Lai Châu
art. 26): figures of a period from the portal's own data, the board head's narrative,
submission (then frozen), DOCX/XLSX exports, the province's consolidation and the calendar.

A shared app: the reports of every portal live in one public-schema table keyed by portal,
as the deadlines ledger does, so the province's consolidation is one query.
"""
