using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class TreatmentOrderTests
{
    private static readonly TreatmentStep Denominate = TreatmentStep.DenominateByDefinitions();
    private static readonly TreatmentStep Screen = TreatmentStep.Screen(0.9);
    private static readonly TreatmentStep Impute = TreatmentStep.Impute(Imputer.Mean);
    private static readonly TreatmentStep Treat = TreatmentStep.Treat();
    private static readonly TreatmentStep BoxCox = TreatmentStep.BoxCox(0.5);

    [Fact]
    public void Rank_EveryKind_DenominateScreenImputeTreatBoxCox()
    {
        Assert.Equal([0, 0, 1, 2, 3, 4], TreatmentOrder.DefaultKinds.Select(TreatmentOrder.Rank));
        Assert.Equal(Enum.GetValues<TreatmentStepKind>().Length, TreatmentOrder.DefaultKinds.Length);
    }

    [Fact]
    public void Sort_CoinrExampleOrder_PutsScreenBeforeImpute()
    {
        Assert.Equal([Denominate, Screen, Impute, Treat], TreatmentOrder.Sort([Denominate, Impute, Screen, Treat]).ToArray());
    }

    [Fact]
    public void Place_KindPresent_ReplacesInPlaceKeepingTheGivenOrder()
    {
        // COINr's order (impute before screen): a new imputer takes the old one's place, not the default place.
        var other = TreatmentStep.Impute(Imputer.Median);
        Assert.Equal([Denominate, other, Screen, Treat], TreatmentOrder.Place([Denominate, Impute, Screen, Treat], TreatmentStepKind.Impute, other).ToArray());
    }

    [Fact]
    public void Place_KindAbsent_GoesAfterTheLastEarlierKind()
    {
        // Impute, screen given; treat (rank 3) goes after screen (the last step ranked below 3), at the end.
        Assert.Equal([Impute, Screen, Treat], TreatmentOrder.Place([Impute, Screen], TreatmentStepKind.Treat, Treat).ToArray());

        // Screen (rank 1) with only impute and Box-Cox: nothing ranks below 1, so it goes first.
        Assert.Equal([Screen, Impute, BoxCox], TreatmentOrder.Place([Impute, BoxCox], TreatmentStepKind.Screen, Screen).ToArray());
    }

    [Fact]
    public void Place_Null_RemovesEveryStepOfThatPlace()
    {
        var second = TreatmentStep.Screen(0.5);
        Assert.Equal([Impute, Treat], TreatmentOrder.Place([Screen, Impute, second, Treat], TreatmentStepKind.Screen, null).ToArray());
    }

    [Fact]
    public void Place_TwoOfAKind_FirstReplacedOthersRemoved()
    {
        var explicitRule = TreatmentStep.Denominate([DenominationRule.Create("a", "pop")]);
        Assert.Equal([Denominate, Impute], TreatmentOrder.Place([explicitRule, Impute, Denominate], TreatmentStepKind.DenominateByDefinitions, Denominate).ToArray());
    }

    [Fact]
    public void Place_ReplacementOfAnotherPlace_Throws() =>
        Assert.Throws<ArgumentException>(() => TreatmentOrder.Place([Impute], TreatmentStepKind.Impute, Screen));
}
