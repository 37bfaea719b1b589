"""Caching that keeps every portal fast without ever serving what changed: the tokens that say
what is fresh (`tokens`), what each process keeps per portal (`memo`), the page cache
(`pages`, `middleware`), what a change purges (`purge`, `signals`) and the edge (`edge`).
See docs/scaling.md."""
