view: tabs	{
	dimension:	x	{
		type:	string
	}
}