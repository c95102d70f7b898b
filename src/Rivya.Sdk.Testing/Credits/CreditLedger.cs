using System;

namespace Rivya.Sdk.Testing.Credits;

/// <summary>The account's credit balance: debited when a generation is accepted, refunded when it fails.</summary>
internal sealed class CreditLedger
{
    private readonly object _gate = new();
    private decimal _balance;

    public CreditLedger(decimal initialBalance) => _balance = initialBalance;

    public decimal Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }
    }

    public void Set(decimal balance)
    {
        lock (_gate)
        {
            _balance = balance;
        }
    }

    /// <summary>Debits <paramref name="amount"/> when the balance covers it; otherwise leaves it and returns false.</summary>
    public bool TryDebit(decimal amount, out decimal balance)
    {
        lock (_gate)
        {
            balance = _balance;
            if (_balance < amount)
            {
                return false;
            }

            _balance -= amount;
            balance = _balance;
            return true;
        }
    }

    public void Refund(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        lock (_gate)
        {
            _balance += amount;
        }
    }
}
