using System;

namespace Rivya.Sdk.Testing.Credits;

/// <summary>The account's credit balance: debited when a generation is accepted, refunded when it fails.</summary>
internal sealed class CreditLedger
{
    private readonly object _gate = new();
    private decimal _balance;
    private int _debits;

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

    /// <summary>How many debits (charges) were made: one per task accepted; a refund does not undo the count.</summary>
    public int Debits
    {
        get
        {
            lock (_gate)
            {
                return _debits;
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
            _debits++;
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
