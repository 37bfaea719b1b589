"""The province's control loop: posting deadlines, overdue queues, reminders and the
province-wide league table (issue #13).

Two Django apps in one package, because the data lives in two places:
- `deadlines` (tenant app, each portal's schema): the portal's settings, the obligations
  province documents gave it, the reminders it sent; the editor panel, dashboard queues and
  admin listing;
- `deadlines.province` (shared app, public schema): the province's rules table and the
  ledger of every portal's clocks (`ClockRecord`), which the console's league table reads
  in one query.

Import direction: section apps → deadlines.clocks (their declarations); deadlines →
workdays, participation, legaldocs, tenants, core.
"""
