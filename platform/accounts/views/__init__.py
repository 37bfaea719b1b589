"""Admin views of the accounts app: own account and lockouts (`security`), the audit trail
(`audit`), user management (`users`)."""
