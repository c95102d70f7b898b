using System.Reflection;
using System.Runtime.Versioning;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests;

/// <summary>Proves each test leg really exercises the build and runtime it claims to.</summary>
public class LegTests
{
    [Fact]
    public void The_sdk_build_under_test_is_the_one_this_leg_claims()
    {
        var framework = typeof(ModelCatalog).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

#if RIVYA_NETSTANDARD_LEG
        framework.Should().Be(".NETStandard,Version=v2.0");
#elif NET10_0
        framework.Should().Be(".NETCoreApp,Version=v10.0");
#else
        framework.Should().Be(".NETCoreApp,Version=v8.0");
        System.Environment.Version.Major.Should().Be(8, "the net8.0 leg runs on a real .NET 8 runtime");
#endif
    }
}
