"""Notifications: the channels people configure, the wording of messages, and their delivery.

The alerts they deliver are warehouse/alerts.py's ledger (alerts and their
`deliveries` rows); the Prefect task and flow that call this are in
flows/alerts.py.
"""
