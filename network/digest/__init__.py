"""The Wochenübersicht (weekly digest): issues proposed from what is new, the personal part
"Für Sie", subscriptions with double opt-in, consent records and crash-safe sending."""
