from core.models import NFCTextMixin  # noqa: F401  named by migrations
