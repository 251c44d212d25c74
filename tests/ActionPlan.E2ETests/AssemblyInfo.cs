// Browser journeys share two cores with the server under test: one at a time keeps them steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
