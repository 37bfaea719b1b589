"""Which models carry a clock: read from their declarations, never listed by hand."""

from __future__ import annotations

from django.apps import apps
from django.core import checks

from wagtail.models import Page

from . import rules
from .clocks import clock_of, kept_current_of


def clocked_models() -> list[type[Page]]:
    """Page models declaring a `posting_clock`."""
    return [m for m in apps.get_models() if issubclass(m, Page) and clock_of(m) is not None]


def kept_current_models() -> list[type[Page]]:
    """Section index page models declaring `kept_current`."""
    return [m for m in apps.get_models() if issubclass(m, Page) and kept_current_of(m) is not None]


def check_declarations(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A clock must name a known rule and attributes the model has."""
    problems: list[checks.CheckMessage] = []
    for model in clocked_models():
        clock = clock_of(model)
        if isinstance(clock.rule, str) and clock.rule not in rules.RULES_BY_KEY:
            problems.append(checks.Error(
                f"{model.__name__}.posting_clock names the unknown rule {clock.rule!r}",
                obj=model, id="deadlines.E001",
            ))
        names = (clock.event,) if isinstance(clock.event, str) else clock.event
        for name in [*names, clock.skip_if]:
            if name and not hasattr(model, name) and name not in {
                f.name for f in model._meta.get_fields()
            }:
                problems.append(checks.Error(
                    f"{model.__name__}.posting_clock names {name!r}, which the model lacks",
                    obj=model, id="deadlines.E002",
                ))
    for model in kept_current_models():
        if kept_current_of(model).rule not in rules.RULES_BY_KEY:
            problems.append(checks.Error(
                f"{model.__name__}.kept_current names an unknown rule", obj=model, id="deadlines.E001",
            ))
    return problems
