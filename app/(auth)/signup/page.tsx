import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "@/app/(auth)/signup/signup-form";
import { textLink } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Create a workspace" };

export default function SignupPage() {
  return (
    <>
      <SignupForm />
      <p className="mt-6 text-sm text-slate-700">
        Already have an account?{" "}
        <Link className={textLink} href="/login">
          Sign in
        </Link>
      </p>
    </>
  );
}
