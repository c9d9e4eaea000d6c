"""Following live HTTP feeds (issue #9): the ingest service polls each configured feed on its own
schedule and publishes new entries, and new versions of entries, to ``articles.v1``.

``config`` (the FEEDS.toml file), ``schedule`` (backoff, Retry-After) and ``entries`` (a fetched
body → articles) are pure; ``fetch`` (httpx), ``state`` (the state file) and ``follower`` (the loop
and the publisher) are the shell; ``stand_in`` is a loopback wire server for the demo.
"""
