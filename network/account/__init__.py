"""A member's own data (DSGVO Art. 15, 17, 20): export as ZIP, account deletion, and the
same for visitors' registrations through a signed link from their mails."""
