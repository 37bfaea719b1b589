"""A portal as the benchmarks need it: created and admitted at once by a recorded decision of
the province board (a portal without one stays `requested` and is not served)."""

from __future__ import annotations

import datetime as dt


def approved_portal(spec, actor: str = "benchmark"):
    from django.core.files.base import ContentFile

    from tenants.provisioning import DecisionSpec, create_portal

    decision = DecisionSpec(
        number="01/QĐ-BBT", date=dt.date(2026, 1, 5), signer="Ban Biên tập Cổng tỉnh",
        file=ContentFile(b"%PDF-1.4 quyet dinh phe duyet", name="quyet-dinh.pdf"),
    )
    return create_portal(spec, actor, decision=decision)
