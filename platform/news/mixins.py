from core.models import NFCTextMixin as NfcCleanMixin  # noqa: F401  named by migrations
