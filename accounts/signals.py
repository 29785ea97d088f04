"""What the accounts services announce to the apps above them (credits, designs).

Sent explicitly by `accounts.services`, inside the transaction that made the change, so a receiver's
writes commit or roll back with it. Accounts never imports the apps that listen.
"""

from django.dispatch import Signal

# sender=User model, user=<User>: a user row was just created (once per Clerk id).
user_created = Signal()
# sender=User model, user=<User>: the account was closed (deleted in Clerk).
user_closed = Signal()
