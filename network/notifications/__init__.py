"""Notifications used by every app: the bell (in the app, live over a websocket), batched
e-mails with an unsubscribe link, and each person's preferences per kind.

Other apps call `network.notifications.services.notify(...)` after their own commit."""
