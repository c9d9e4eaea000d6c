"""The reviewer queue: a web app over verdicts.v1 whose decisions go to decisions.v1 (issue 5)."""
